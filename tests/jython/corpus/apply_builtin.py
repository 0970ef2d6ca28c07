print apply(max, [1, 5, 3]), apply(dict, (), {"a": 1})
