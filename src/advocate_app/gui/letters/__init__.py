"""Letters: the composer, printing, sent letters and templates."""
