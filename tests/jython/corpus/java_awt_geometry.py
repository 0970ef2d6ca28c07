# Dimension, Point, Rectangle: public fields, double getters, toString
from java.awt import Dimension, Point, Rectangle

d = Dimension(3, 4)
print(d)
print(d.width)
print(d.getWidth())
d.height = 10
print(d)
p = Point(1, 2)
print(p)
print(p.x)
print(p.getY())
p.translate(5, 5)
print(p)
print(round(p.distance(Point(9, 10)), 3))
r = Rectangle(1, 2, 3, 4)
print(r)
print(r.contains(2, 3))
print(r.contains(4, 3))
print(r.intersects(Rectangle(3, 3, 5, 5)))
print(r.getSize())
print(r.getLocation())
print(Dimension(3, 4) == Dimension(3, 4))
