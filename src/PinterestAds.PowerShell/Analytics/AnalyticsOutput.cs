using System.Management.Automation;
using PinterestAds.Core.Analytics;
using PinterestAds.Core.StateChanges;

namespace PinterestAds.PowerShell.Analytics
{
    /// <summary>Analytics outputs as PowerShell sees them: the model wrapped with its type name first (PinterestAds.AnalyticsRow, PinterestAds.StateChange) for the table views.</summary>
    internal static class AnalyticsOutput
    {
        public const string RowTypeName = "PinterestAds.AnalyticsRow";
        public const string ChangeTypeName = "PinterestAds.StateChange";

        public static PSObject Wrap(AnalyticsRow row) => Named(row, RowTypeName);

        public static PSObject Wrap(StateChange change) => Named(change, ChangeTypeName);

        private static PSObject Named(object item, string typeName)
        {
            var output = new PSObject(item);
            output.TypeNames.Insert(0, typeName);
            return output;
        }
    }
}
