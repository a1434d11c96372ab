namespace Refully.Companion.Detection;

/// <summary>
/// Work that runs right after every detection run, inside its lock, on the records that run read
/// (claim tracking: case statuses and reimbursements move lifecycle statuses). Registered in DI;
/// detection does not know what follows it.
/// </summary>
public interface IDetectionFollowUp
{
    void AfterDetection(DetectionInput input, string source);
}
