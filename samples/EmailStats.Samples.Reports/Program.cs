// Placeholder until the Reports sample is written.
return 0;
