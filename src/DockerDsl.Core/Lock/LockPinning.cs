using System.Linq;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Lock;

/// <summary>
/// A Dockerfile model with the images the lock holds pinned to their digests: <c>FROM name:tag</c> becomes
/// <c>FROM name:tag@sha256:...</c>, and so do <c>COPY --from=</c> and <c>RUN --mount from=</c> images. BuildKit pulls
/// the digest and ignores the tag (distribution/reference: a digest wins), so the tag stays for people to read.
/// Only an image written out is pinned: a word with a variable is left alone, since the build may set it otherwise.
/// </summary>
public static class LockPinning
{
    public static DockerfileModel Pin(DockerfileModel model, LockFile lockFile)
    {
        if (lockFile.Images.IsEmpty)
        {
            return model;
        }

        var stages = model.Stages.Select((stage, index) =>
        {
            var pinned = stage;
            if (stage.Base.Stage is null && stage.Base.Image is { } image && !ExternalImages.NamesStageBefore(model, index, image) && PinnedOrNull(lockFile, image) is { } reference)
            {
                pinned = pinned with { Base = StageBase.FromImage(reference) };
            }

            var instructions = stage.Instructions.Select(instruction => instruction switch
            {
                CopyInstruction { From: { } from } copy when !ExternalImages.NamesStage(model, from) && PinnedOrNull(lockFile, from) is { } reference => copy with { From = reference },
                RunInstruction run when run.Mounts.Any(m => m.Get("from") is { } from && !ExternalImages.NamesStage(model, from) && PinnedOrNull(lockFile, from) is not null) =>
                    run with { Mounts = run.Mounts.Select(mount => Pin(model, lockFile, mount)).ToEquatableArray() },
                _ => instruction,
            }).ToEquatableArray();
            return instructions.Equals(stage.Instructions) ? pinned : pinned with { Instructions = instructions };
        }).ToEquatableArray();
        return stages.Equals(model.Stages) ? model : model with { Stages = stages };
    }

    private static Mount Pin(DockerfileModel model, LockFile lockFile, Mount mount)
    {
        if (mount.Get("from") is not { } from || ExternalImages.NamesStage(model, from) || PinnedOrNull(lockFile, from) is not { } reference)
        {
            return mount;
        }

        return mount with { Options = mount.Options.Select(o => o.Key == "from" ? new MountOption("from", reference) : o).ToEquatableArray() };
    }

    /// <summary>The pinned reference for <paramref name="reference"/> when the lock has it and it names no digest yet.</summary>
    private static string? PinnedOrNull(LockFile lockFile, string reference) =>
        reference.IndexOf('$') < 0 && reference.IndexOf('@') < 0 && lockFile.Find(reference) is { } locked ? locked.PinnedReference : null;
}
