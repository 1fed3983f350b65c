// Entry point; filled in by the component's own work.
return 0;
