// Placeholder until the JsonRpcMessages sample is written.
return 0;
