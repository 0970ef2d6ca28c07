for f in (lambda: {}["k"], lambda: [][1]):
    try:
        f()
    except (KeyError, IndexError), e:
        print type(e).__name__
