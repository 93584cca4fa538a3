using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using DockerDsl.Cli.Commands;
using DockerDsl.Cli.Inputs;
using DockerDsl.Cli.Registry;
using DockerDsl.Cli.Reports;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Cli.Lock;

/// <summary>
/// One <c>dockerdsl lock</c> run: the images the Dockerfiles pull, per platform, resolved against their registries
/// and written to the lock file whole or not at all; or, with <c>--check</c>, compared with what the tags name now.
/// </summary>
internal sealed class LockRun
{
    private const string Name = ToolInfo.Name + " lock";

    private readonly CliContext _context;
    private readonly LockSettings _settings;

    public LockRun(CliContext context, LockSettings settings)
    {
        _context = context;
        _settings = settings;
    }

    /// <summary>The platform docker build builds for by default: this machine's (BuildKit's platforms.DefaultSpec).</summary>
    public static string MachinePlatform => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "linux/arm64",
        Architecture.Arm or Architecture.Armv6 => "linux/arm/v7",
        Architecture.X86 => "linux/386",
        Architecture.S390x => "linux/s390x",
        Architecture.Ppc64le => "linux/ppc64le",
        Architecture.RiscV64 => "linux/riscv64",
        _ => "linux/amd64",
    };

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (dockerfiles, lockPath) = LoadDockerfiles();
            var existing = ReadLock(lockPath);
            var needed = ImagesUsed(dockerfiles, existing);
            using var registry = new RegistryClient(_settings.Registry);
            return _settings.Mode == LockMode.Check
                ? await CheckAsync(registry, needed, existing, lockPath, cancellationToken).ConfigureAwait(false)
                : await LockAsync(registry, needed, existing, lockPath, cancellationToken).ConfigureAwait(false);
        }
        catch (LockError error)
        {
            _context.Error.WriteLine($"{Name}: error: {Usage.OneLine(error.Message)}");
            return ExitCodes.Error;
        }
    }

    /// <summary>The Dockerfiles, with their display paths and platforms, and where their lock file is.</summary>
    private (IReadOnlyList<ProjectDockerfile> Dockerfiles, string LockPath) LoadDockerfiles()
    {
        if (_settings.Files.Count > 0)
        {
            var files = new List<ProjectDockerfile>();
            foreach (var file in _settings.Files)
            {
                var full = Path.GetFullPath(file, _context.CurrentDirectory);
                var display = DisplayPaths.Relative(_context.CurrentDirectory, full);
                if (!File.Exists(full))
                {
                    throw new LockError($"--file '{file}' does not exist.");
                }

                if (!TextFileReader.TryRead(full, display, out var text, out var error))
                {
                    throw new LockError(error!.ToString());
                }

                files.Add(new ProjectDockerfile(display, text, Array.Empty<string>()));
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(_settings.Files[0], _context.CurrentDirectory))!;
            return (files, LockPathOr(folder));
        }

        var project = ProjectDockerfiles.Load(_context.CurrentDirectory, _settings.Project, _settings.Assembly);
        return (project.Dockerfiles, LockPathOr(project.ProjectDirectory));
    }

    private string LockPathOr(string folder) =>
        _settings.LockPath is { } path ? Path.GetFullPath(path, _context.CurrentDirectory) : Path.Combine(folder, LockFile.FileName);

    /// <summary>
    /// Every external image with the platforms it is pulled for; an image name BuildKit could not resolve stops the
    /// run. A project built with its lock has the locked images pinned in its Dockerfiles (at the digest locked
    /// then, which <c>--update</c> may have moved since): <c>name:tag@digest</c> counts as the entry
    /// <c>name:tag</c> when the lock has one, so the lock keys stay the references as declared.
    /// </summary>
    private SortedDictionary<string, SortedSet<string>> ImagesUsed(IReadOnlyList<ProjectDockerfile> dockerfiles, LockFile? existing)
    {

        var needed = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var errors = new List<string>();
        var machine = MachinePlatform;
        foreach (var dockerfile in dockerfiles)
        {
            DockerfileDocument document;
            try
            {
                document = DockerfileReader.Read(dockerfile.Path, dockerfile.Text);
            }
            catch (DockerfileParseException exception)
            {
                throw new LockError($"{dockerfile.Path}:{exception.StartLine}: {exception.Reason}");
            }
            catch (DockerfileReadException exception)
            {
                throw new LockError(exception.Line > 0 ? $"{dockerfile.Path}:{exception.Line}: {exception.Reason}" : $"{dockerfile.Path}: {exception.Reason}");
            }

            var platforms = dockerfile.Platforms.Count > 0 ? dockerfile.Platforms : _settings.Platforms.Count > 0 ? _settings.Platforms : new[] { machine };
            var normal = platforms.Select(p => LockPlatform.Normalize(p) ?? throw new LockError($"{dockerfile.Path}: '{p}' is not a platform written as os/architecture[/variant]")).Distinct().ToList();
            var (uses, useErrors) = ExternalImages.Of(document.Model, normal, machine);
            errors.AddRange(useErrors.Select(e => $"{Place(e.Source)}: {e.Message}"));
            foreach (var use in uses)
            {
                var at = use.Reference.IndexOf('@');
                var reference = at > 0 && existing?.Find(use.Reference.Substring(0, at)) is { } entry ? entry.Reference : use.Reference;
                if (!needed.TryGetValue(reference, out var set))
                {
                    needed[reference] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(use.Platform);
            }
        }

        if (errors.Count > 0)
        {
            // Every one is printed: each names its own line; the last becomes the run's error.
            foreach (var error in errors.Take(errors.Count - 1))
            {
                _context.Error.WriteLine($"{Name}: error: {Usage.OneLine(error)}");
            }

            throw new LockError(errors[^1] + "; set a default on the ARG, or write the image name out");
        }

        return needed;
    }

    private static string Place(SourceRef source) => source.Line > 0 ? $"{source.Origin}:{source.Line}" : source.Origin;

    private LockFile? ReadLock(string lockPath)
    {
        if (!File.Exists(lockPath))
        {
            return null;
        }

        var display = DisplayPaths.Relative(_context.CurrentDirectory, lockPath);
        if (!TextFileReader.TryRead(lockPath, display, out var text, out var error))
        {
            throw new LockError(error!.ToString());
        }

        try
        {
            return LockFileReader.Read(text);
        }
        catch (LockFileException exception)
        {
            throw new LockError($"{display}:{exception.Line}:{exception.Column}: {exception.Reason}; fix it, or delete it and run dockerdsl lock again");
        }
    }

    private async Task<int> CheckAsync(RegistryClient registry, SortedDictionary<string, SortedSet<string>> needed, LockFile? existing, string lockPath, CancellationToken cancellationToken)
    {
        var display = DisplayPaths.Relative(_context.CurrentDirectory, lockPath);
        if (existing is null)
        {
            _context.Out.WriteLine($"{display}: does not exist; run dockerdsl lock");
            return ExitCodes.FindingsAtFailLevel;
        }

        var findings = 0;
        foreach (var (reference, platforms) in needed)
        {
            var entry = existing.Find(reference);
            var missing = platforms.Where(p => entry?.Find(p) is null).ToList();
            if (entry is null)
            {
                Finding($"{reference}: not locked; run dockerdsl lock");
                continue;
            }

            if (missing.Count > 0)
            {
                Finding($"{reference}: not locked for {string.Join(", ", missing)}; run dockerdsl lock");
            }

            var name = ImageName.Parse(reference)!;
            if (name.Digest is not null)
            {
                continue;
            }

            var now = await ResolveAsync(reference, () => registry.DigestAsync(name, cancellationToken)).ConfigureAwait(false);
            if (now != entry.Digest)
            {
                Finding($"{reference}: the tag now names {now}, the lock has {entry.Digest}; run dockerdsl lock --update {reference}");
            }
        }

        foreach (var unused in existing.Images.Where(i => !needed.ContainsKey(i.Reference)))
        {
            _context.Out.WriteLine($"{unused.Reference}: locked but no longer used; dockerdsl lock drops it");
        }

        if (findings == 0)
        {
            _context.Out.WriteLine($"{display}: {needed.Count} image{(needed.Count == 1 ? string.Empty : "s")} locked, every tag names its locked digest");
            return ExitCodes.Success;
        }

        return ExitCodes.FindingsAtFailLevel;

        void Finding(string message)
        {
            findings++;
            _context.Out.WriteLine(message);
        }
    }

    private async Task<int> LockAsync(RegistryClient registry, SortedDictionary<string, SortedSet<string>> needed, LockFile? existing, string lockPath, CancellationToken cancellationToken)
    {
        var display = DisplayPaths.Relative(_context.CurrentDirectory, lockPath);
        foreach (var requested in _settings.Update)
        {
            if (!needed.Keys.Any(reference => Names(requested, reference)))
            {
                throw new LockError($"--update {requested}: the Dockerfiles use no such image; they use {(needed.Count == 0 ? "none" : string.Join(", ", needed.Keys))}");
            }
        }

        var images = new List<LockedImage>();
        foreach (var (reference, platforms) in needed)
        {
            var name = ImageName.Parse(reference)!;
            var entry = existing?.Find(reference);
            var refresh = _settings.Mode == LockMode.Update && (_settings.Update.Count == 0 || _settings.Update.Any(u => Names(u, reference)));
            // An entry locked without its file system's facts gets them, read at its locked digest, when layers are inspected.
            if (!refresh && entry is not null && platforms.All(p => entry.Find(p) is { } found && (found.FileSystem is not null || !_settings.InspectLayers)))
            {
                images.Add(entry with { Platforms = entry.Platforms.Where(p => platforms.Contains(p.Platform)).ToEquatableArray() });
                continue;
            }

            // A platform added to a locked image is read at the locked digest: locking more never moves what is locked.
            var at = !refresh && entry is not null ? name.WithDigest(entry.Digest) : name;
            var locked = await ResolveAsync(reference, () => registry.LockAsync(reference, at, platforms.ToList(), Warn, cancellationToken, _settings.InspectLayers)).ConfigureAwait(false);
            images.Add(locked);
            var change = entry is null ? "locked" : entry.Digest == locked.Digest ? "unchanged" : $"updated from {entry.Digest} to";
            _context.Out.WriteLine($"{reference}: {change} {locked.Digest} ({string.Join(", ", platforms)})");
        }

        var text = LockFileWriter.Write(new LockFile(images.ToEquatableArray()));
        if (existing is not null && File.ReadAllText(lockPath) == text)
        {
            _context.Out.WriteLine($"{display}: up to date");
            return ExitCodes.Success;
        }

        Write(lockPath, display, text);
        _context.Out.WriteLine($"{display}: {images.Count} image{(images.Count == 1 ? string.Empty : "s")} written");
        return ExitCodes.Success;
    }

    private void Warn(string message) => _context.Error.WriteLine($"{Name}: warning: {Usage.OneLine(message)}");

    /// <summary>Whether <c>--update</c>'s <paramref name="requested"/> names <paramref name="reference"/>: the reference itself, or its repository without a tag.</summary>
    private static bool Names(string requested, string reference)
    {
        if (requested == reference)
        {
            return true;
        }

        var name = ImageName.Parse(reference);
        var asked = requested.IndexOfAny(new[] { ':', '@' }) < 0 || requested.LastIndexOf(':') < requested.LastIndexOf('/') ? ImageName.Parse(requested) : null;
        return name is not null && asked is not null && asked.Repository == name.Repository;
    }

    private static async Task<T> ResolveAsync<T>(string reference, Func<Task<T>> resolve)
    {
        try
        {
            return await resolve().ConfigureAwait(false);
        }
        catch (RegistryException exception)
        {
            // A message that starts with the image already names it.
            var repository = ImageName.Parse(reference)!.Repository;
            throw new LockError(exception.Message.StartsWith(repository, StringComparison.Ordinal) || exception.Message.StartsWith(reference, StringComparison.Ordinal)
                ? exception.Message
                : $"{reference}: {exception.Message}");
        }
    }

    /// <summary>Replaces the lock file whole (a temporary file, then a rename); a read-only lock file is left as it is.</summary>
    private static void Write(string lockPath, string display, string text)
    {
        if (File.Exists(lockPath) && (File.GetAttributes(lockPath) & FileAttributes.ReadOnly) != 0)
        {
            throw new LockError($"{display} is read-only; make it writable to update it");
        }

        try
        {
            ReportFile.Write(lockPath, text);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new LockError($"{display} cannot be written: {exception.Message}");
        }
    }
}
