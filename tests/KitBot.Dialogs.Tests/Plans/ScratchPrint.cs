using KitBot.Dialogs.Tests.Consultation;
using KitBot.Dialogs.Tests.Support;
using KitBot.Dialogs.Plans;

namespace KitBot.Dialogs.Tests.Plans;

public sealed class ScratchPrint
{
    [Fact]
    public void Print()
    {
        foreach (var (name, t) in new[] { ("a", ConsultationCaseTests.CaseA()), ("b", ConsultationCaseTests.CaseB()), ("c", ConsultationCaseTests.CaseC()) })
        {
            t.Submit();
            var plan = t.State.Plans[0];
            var text = PlanDocument.From(t.Content, plan).ToPlainText();
            File.WriteAllText($"/tmp/plan-{name}.txt", t.Describe() + "\n\n" + text);
        }
    }
}
