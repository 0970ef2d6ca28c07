# java.awt.Color: constants, toString, components and bean properties
from java.awt import Color
from java.lang import Throwable

print(Color.RED)
print(Color.red)
print(Color.orange)
print(Color.LIGHT_GRAY)
print(Color.pink)
c = Color(10, 20, 30)
print(c.getRed())
print(c.green)
print(c.blue)
print(c.alpha)
print(Color(1, 2, 3, 4).alpha)
print(c.getRGB())
print(Color(0x336699))
print(Color(255, 0, 0) == Color.RED)
print(Color.decode("#FF8800"))
print(Color(100, 150, 200).darker())
print(Color(100, 150, 200).brighter())
print(Color(0.5, 0.25, 1.0))
try:
    Color(300, 0, 0)
except Exception:
    print("Python exception")
except Throwable as t:
    print(t)
