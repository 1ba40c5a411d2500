using Microsoft.AspNetCore.Http;

namespace DataHub.Api;

/// <summary>RFC 9457 problem responses with a title per status and a detail that says what to fix.</summary>
public static class ApiProblems
{
    public static IResult BadRequest(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    public static IResult Forbidden(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Outside the client's scope");

    public static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
