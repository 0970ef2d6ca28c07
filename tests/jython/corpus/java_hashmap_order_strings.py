# many string keys: the table resizes and the order follows Java's hashes
from java.util import HashMap

m = HashMap()
names = [
    "pump",
    "valve",
    "tank",
    "motor",
    "sensor",
    "alarm",
    "level",
    "flow",
    "pressure",
    "temp",
    "setpoint",
    "mode",
    "status",
    "fault",
    "speed",
    "line1",
    "line2",
    "line3",
    "Area/Tank 1",
    "Area/Tank 2",
]
for i, name in enumerate(names):
    m.put(name, i)
print(m.keySet())
print(m.toString())
m.remove("tank")
m.remove("line2")
m.put("tank", 99)
print(m.keySet())
