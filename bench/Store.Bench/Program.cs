using Store.Bench;

return BenchCommands.Run(args);
