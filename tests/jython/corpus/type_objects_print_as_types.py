print type(1), type(1.0), type("s"), type([]), type({})
