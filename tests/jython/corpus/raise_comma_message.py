try:
    raise ValueError, "bad value"
except ValueError, e:
    print e.args, e
