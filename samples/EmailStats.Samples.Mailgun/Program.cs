// Placeholder until the Mailgun sample is written.
return 0;
