print cmp(1, 2), cmp(2, 2), cmp("b", "a")
