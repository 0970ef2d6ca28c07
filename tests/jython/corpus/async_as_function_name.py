def async(fn, *args):
    return fn(*args)
print async(lambda a, b: a + b, 1, 2)
