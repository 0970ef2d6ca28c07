# UUID: parse, print, version, the name-based (MD5) UUID
from java.util import UUID

u = UUID.fromString("123e4567-e89b-12d3-a456-426614174000")
print(u)
print(u.toString())
print(u.version())
print(u.getMostSignificantBits())
print(u.getLeastSignificantBits())
print(u == UUID.fromString("123E4567-E89B-12D3-A456-426614174000"))
n = UUID.nameUUIDFromBytes([104, 105])
print(n)
print(n.version())
print(len(str(UUID.randomUUID())))
print(UUID.randomUUID().version())
