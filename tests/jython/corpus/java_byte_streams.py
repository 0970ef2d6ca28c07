# ByteArrayOutputStream / ByteArrayInputStream over Java byte arrays
import jarray
from java.io import ByteArrayInputStream, ByteArrayOutputStream
from java.lang import String

out = ByteArrayOutputStream()
out.write(72)
out.write(String("ello").getBytes())
print(out.size())
print(out.toString())
data = out.toByteArray()
print(data)
print(len(data))
inp = ByteArrayInputStream(data)
print(inp.available())
print(inp.read())
buf = jarray.zeros(3, "b")
print(inp.read(buf))
print(buf)
print(inp.read())
print(inp.read())
print(ByteArrayInputStream(jarray.array([-1, 65], "b")).read())
