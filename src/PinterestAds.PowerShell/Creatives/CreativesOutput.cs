using System.Management.Automation;
using PinterestAds.Core.Boards;
using PinterestAds.Core.Media;
using PinterestAds.Core.Pins;

namespace PinterestAds.PowerShell.Creatives
{
    /// <summary>
    /// Media, boards and pins as PowerShell sees them: the model with its type name first
    /// (PinterestAds.Media, .Board, .Creative) for the table views, and for boards and pins an
    /// Id alias of their own id.
    /// </summary>
    internal static class CreativesOutput
    {
        public static PSObject Wrap(VideoMedia media) => Typed(media, "PinterestAds.Media");

        public static PSObject Wrap(Board board) => WithId(Typed(board, "PinterestAds.Board"), nameof(Board.BoardId));

        public static PSObject Wrap(Creative pin) => WithId(Typed(pin, "PinterestAds.Creative"), nameof(Creative.PinId));

        private static PSObject Typed(object model, string typeName)
        {
            var output = new PSObject(model);
            output.TypeNames.Insert(0, typeName);
            return output;
        }

        private static PSObject WithId(PSObject output, string idProperty)
        {
            output.Properties.Add(new PSAliasProperty("Id", idProperty));
            return output;
        }
    }
}
