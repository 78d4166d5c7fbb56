using TraceFix.Bench;

return await BenchApp.RunAsync(args);
