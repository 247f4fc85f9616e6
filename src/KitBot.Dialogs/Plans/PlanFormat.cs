using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Plans;

/// <summary>The files a whole plan can be downloaded as. The wire names are also the card actions' values.</summary>
public enum PlanFormat
{
    /// <summary>A Word document (.docx).</summary>
    [JsonStringEnumMemberName("docx")] Word,

    /// <summary>Plain text (.txt).</summary>
    [JsonStringEnumMemberName("txt")] Text,
}
