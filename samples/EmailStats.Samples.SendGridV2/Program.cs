// Placeholder until the SendGridV2 sample is written.
return 0;
