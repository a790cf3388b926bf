using System;
using System.Management.Automation;

namespace PinterestAds.PowerShell.Binding
{
    /// <summary>
    /// Base of the transformations that let parameters bind from what the command line and CSV
    /// files carry: PowerShell wrappers removed, and blank text (an empty CSV cell) meaning "not given".
    /// </summary>
    public abstract class CellTransformationAttribute : ArgumentTransformationAttribute
    {
        public sealed override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = PlainData.Unwrap(inputData);
            return value is null || (value is string text && string.IsNullOrWhiteSpace(text)) ? null : Convert(value, inputData);
        }

        /// <param name="value">The unwrapped value, never null or blank.</param>
        /// <param name="original">What was bound, for values passed on unchanged.</param>
        private protected abstract object? Convert(object value, object original);

        private protected static Exception Refuse(object value, string expected) =>
            new ArgumentTransformationMetadataException($"'{value}' is not {expected}.");
    }
}
