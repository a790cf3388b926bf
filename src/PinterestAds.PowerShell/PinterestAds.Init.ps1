# Hooks PinterestAds' dependency resolver before PowerShell loads the root module.
#
# PowerShell reflects over every public type in PinterestAds.dll (GetExportedTypes) before it calls the
# module's IModuleAssemblyInitializer, and the cmdlet types already need PinterestAds.Core (generic base
# classes such as AdsCmdlet<Campaign>, enum parameters), which lives in dependencies/. The manifest
# lists this script in NestedModules, which PowerShell loads before the RootModule, so the resolver in
# src/PinterestAds.PowerShell/Infrastructure/ModuleInitAndCleanup.cs is in place in time. Registering
# is idempotent: PowerShell calls OnImport again after loading the cmdlets.
# `using assembly` (path relative to this script) loads the cmdlet assembly while the script is parsed,
# which is cheaper at import than reflection calls from script.
using assembly ./PinterestAds.dll

[PinterestAds.PowerShell.Infrastructure.ModuleInitAndCleanup]::new().OnImport()
