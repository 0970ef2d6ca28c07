# Iterator, LinkedList and the list views
from java.util import ArrayList, LinkedList

a = ArrayList(["a", "b", "c", "d"])
it = a.iterator()
while it.hasNext():
    x = it.next()
    if x == "b":
        it.remove()
print(a)
print(a.subList(1, 3))
a.addAll(["e", "f"])
print(a)
print(a.lastIndexOf("e"))
try:
    a.remove("zzz")
except ValueError:
    print("ValueError: remove follows Python's list")
print(a.remove("e"))
print(a.remove(0))
print(a)
ll = LinkedList()
ll.add(1)
ll.addFirst(0)
ll.addLast(2)
print(ll)
print(ll.getFirst())
print(ll.getLast())
print(ll.removeFirst())
print(ll)
print(ll.size())
