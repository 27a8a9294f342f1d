using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Collector;

/// <summary>Checks <see cref="IntacctEvidenceCollectorOptions"/>, every failure in one result.</summary>
internal sealed class IntacctEvidenceCollectorOptionsValidator : IValidateOptions<IntacctEvidenceCollectorOptions>
{
    public ValidateOptionsResult Validate(string? name, IntacctEvidenceCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Endpoint is null)
        {
            failures.Add("Endpoint is required: the XML gateway's URL, such as " + IntacctEvidenceCollectorOptions.ProductionEndpoint);
        }
        else if (!options.Endpoint.IsAbsoluteUri || options.Endpoint.Scheme is not ("http" or "https"))
        {
            failures.Add($"Endpoint '{options.Endpoint}' must be an absolute http or https URL, such as {IntacctEvidenceCollectorOptions.ProductionEndpoint}");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add($"AttemptTimeout must be positive (it is {options.AttemptTimeout})");
        }

        if (options.TotalRequestTimeout <= options.AttemptTimeout)
        {
            failures.Add($"TotalRequestTimeout ({options.TotalRequestTimeout}) must exceed AttemptTimeout ({options.AttemptTimeout})");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"MaxRetryAttempts must be 0 to 10 (it is {options.MaxRetryAttempts})");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            failures.Add($"RetryDelay must not be negative (it is {options.RetryDelay})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
