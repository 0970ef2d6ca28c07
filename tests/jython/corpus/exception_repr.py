print repr(ValueError("bad")), `KeyError("k")`
