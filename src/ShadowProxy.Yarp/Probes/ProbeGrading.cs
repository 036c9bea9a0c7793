using System.Diagnostics;
using ShadowProxy.Core.Normalization;
using ShadowProxy.Core.Probes;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Yarp.Probes;

/// <summary>Grades both sides of a probe pair against the task's known answer and records accuracy.</summary>
internal sealed class ProbeGrading(IProbeAccuracyStore accuracy, ShadowProxyInstrumentation instrumentation, ModelNameAllowList models)
{
    public async Task GradeAsync(ProbeTask task, string route, string? requestedModel, NormalizedResponse primary, NormalizedResponse baseline, CancellationToken cancellationToken)
    {
        var primaryGrade = ProbeGrader.Grade(task, primary);
        var baselineGrade = ProbeGrader.Grade(task, baseline);
        var suite = ProbeSuites.NameOf(task.Suite);
        await accuracy.RecordAsync(route, models.Label(requestedModel), task.Suite, primaryGrade.Correct, baselineGrade.Correct, cancellationToken);
        Count(route, suite, "primary", primaryGrade);
        Count(route, suite, "baseline", baselineGrade);
    }

    private void Count(string route, string suite, string side, ProbeGrade grade) =>
        instrumentation.ProbeResultsCounter.Add(1, new TagList
        {
            { "route", route }, { "suite", suite }, { "side", side }, { "result", grade.Correct ? "correct" : grade.Answered ? "incorrect" : "unanswered" },
        });
}
