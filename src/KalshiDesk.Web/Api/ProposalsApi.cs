using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KalshiDesk.Web.Api;

public static class ProposalsApi
{
    public static void MapProposalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposals").WithTags("Proposals");
        group.MapGet("/", List).RequireAuthorization(DeskPolicies.Viewer).WithName("ListProposals");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(DeskPolicies.Viewer).WithName("GetProposal");
        group.MapPost("/{id:guid}/approve", Approve).RequireAuthorization(DeskPolicies.Trader).WithName("ApproveProposal");
        group.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(DeskPolicies.Trader).WithName("RejectProposal");
    }

    private static async Task<Results<Ok<IReadOnlyList<ProposalView>>, ProblemHttpResult>> List(string? status, ProposalService proposals, CancellationToken ct)
    {
        ProposalStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<ProposalStatus>(status, true, out var parsed) || int.TryParse(status, out _))
            {
                return TypedResults.Problem($"status '{status}' is not one of pending, approved, executed, failed, rejected, expired.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid status");
            }

            filter = parsed;
        }

        return TypedResults.Ok(await proposals.ListAsync(filter, 200, ct).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<ProposalView>, NotFound>> Get(Guid id, ProposalService proposals, CancellationToken ct) =>
        await proposals.GetAsync(id, ct).ConfigureAwait(false) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> Approve(Guid id, ProposalService proposals, HttpContext http, CancellationToken ct)
    {
        var result = await proposals.ApproveAsync(id, Actor(http), ct).ConfigureAwait(false);
        return ToHttp(result, "Approval failed");
    }

    private static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> Reject(Guid id, RejectRequest? body, ProposalService proposals, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body?.Reason))
        {
            return TypedResults.Problem("A rejection needs a reason: {\"reason\": \"...\"}.", statusCode: StatusCodes.Status400BadRequest, title: "Reason required");
        }

        if (body.Reason.Trim().Length > ProposalService.MaxReasonLength)
        {
            return TypedResults.Problem($"A reason has at most {ProposalService.MaxReasonLength} characters.", statusCode: StatusCodes.Status400BadRequest, title: "Reason too long");
        }

        var result = await proposals.RejectAsync(id, Actor(http), body.Reason, ct).ConfigureAwait(false);
        return ToHttp(result, "Rejection failed");
    }

    private static Results<Ok<ProposalView>, ProblemHttpResult> ToHttp(DecisionResult result, string title)
    {
        if (!result.Found)
        {
            return TypedResults.Problem("No proposal has that id.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        return result.Succeeded
            ? TypedResults.Ok(result.Proposal!)
            : TypedResults.Problem(result.Reason, statusCode: StatusCodes.Status409Conflict, title: title);
    }

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "unknown";
}
