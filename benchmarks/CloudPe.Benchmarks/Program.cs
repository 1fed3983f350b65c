// Entry point of the benchmark runner.
return 0;
