using CloudPe.Operator.Crds;

if (GenerateCrdsCommand.Matches(args))
{
    return GenerateCrdsCommand.Run(args[1..], Console.Out, Console.Error);
}

await Console.Error.WriteLineAsync("operator host not yet wired");
return 1;
