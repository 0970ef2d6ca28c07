class Node(object):
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
        self.items = []
        self.message = "node %s" % value
n = Node(1, Node(2))
n.items.append("a")
n.items += ["b"]
print n.next.value, n.items, n.message
class Failure(Exception):
    def __init__(self, message):
        Exception.__init__(self, message)
        self.message = message.upper()
try:
    raise Failure("bad")
except Failure, e:
    print e.message
for n.keys in [[1], [2]]:
    pass
print n.keys
del n.items
print hasattr(n, "items")
