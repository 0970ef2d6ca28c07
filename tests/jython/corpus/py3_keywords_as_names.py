await = 3
nonlocal = 4
print await + nonlocal
def f(async=False):
    return async
print f(async=True)
