using System.Text;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Tests.Fuzz;

/// <summary>1,000 seeded malformed task packs: the loader reports each one as a task or an error, never throws.</summary>
public sealed class TaskPackFuzzTests
{
    [Fact]
    public void MalformedTaskPacks_AreReportedAsErrors_NeverThrown()
    {
        var source = Path.Combine(TaskCatalog.FindBuiltInDirectory()!, "binary_search_off_by_one");
        var manifest = File.ReadAllText(Path.Combine(source, TaskPackLoader.ManifestFile));
        var root = Directory.CreateTempSubdirectory("tracefix-packfuzz-").FullName;
        var fuzz = new JsonFuzzer(301);
        var (loaded, rejected) = (0, 0);
        try
        {
            for (var i = 0; i < FuzzApp.Cases; i++)
            {
                var dir = Path.Combine(root, "t" + i);
                Directory.CreateDirectory(dir);
                foreach (var file in Directory.EnumerateFiles(source))
                {
                    File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
                }
                File.WriteAllBytes(Path.Combine(dir, TaskPackLoader.ManifestFile), fuzz.Mutate(manifest));
                switch (fuzz.Random.Next(8))
                {
                    case 0:
                        File.Delete(Path.Combine(dir, fuzz.Pick("solution.py", "test_solution.py", "fixed.py")));
                        break;
                    case 1:
                        File.WriteAllBytes(Path.Combine(dir, fuzz.Pick("solution.py", "test_solution.py", "fixed.py")), [0xFF, 0xFE, 0x00, 0xC3]);
                        break;
                    case 2:
                        File.WriteAllText(Path.Combine(dir, "solution.py"), new string('#', 300 * 1024));
                        break;
                    case 3:
                        File.CreateSymbolicLink(Path.Combine(dir, "evil.py"), "/etc/passwd");
                        break;
                }
                var result = TaskPackLoader.LoadPack(dir);
                Assert.Equal(1, result.Tasks.Count + result.Errors.Count);
                loaded += result.Tasks.Count;
                rejected += result.Errors.Count;
                Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ToString())));
            }
            // The whole folder as one pack: every task loads or is named in an error.
            var pack = TaskPackLoader.LoadPack(root);
            Assert.Equal(FuzzApp.Cases, pack.Tasks.Count + pack.Errors.Count);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
        Assert.InRange(rejected, 200, FuzzApp.Cases - 1);
        Assert.InRange(loaded, 1, FuzzApp.Cases);
    }
}
