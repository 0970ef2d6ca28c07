x = 7
x /= 2
y = 7.0
y /= 2
print x, y
class Box: pass
b = Box()
b.v = 9
b.v /= 4
print b.v
