print long(5), long("12") + 1, isinstance(5L, long)
