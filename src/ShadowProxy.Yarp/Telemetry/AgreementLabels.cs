using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Yarp.Telemetry;

internal static class AgreementLabels
{
    public static string Of(AnswerAgreement agreement) => agreement switch
    {
        AnswerAgreement.Agree => "agree",
        AnswerAgreement.Disagree => "disagree",
        AnswerAgreement.BaselineNoAnswer => "baseline_no_answer",
        AnswerAgreement.PrimaryNoAnswer => "primary_no_answer",
        AnswerAgreement.NeitherAnswered => "neither_answered",
        _ => "not_applicable",
    };
}
