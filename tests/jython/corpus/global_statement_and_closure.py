count = 0
def bump():
    global count
    count += 1
bump(); bump()
def outer():
    items = []
    def add(v):
        items.append(v)
    add(1); add(2)
    return items
print count, outer()
