// Each test drives whole sandbox processes; running them one at a time keeps a 2-core CI machine responsive.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
