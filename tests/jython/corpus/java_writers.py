# StringWriter and PrintWriter
from java.io import PrintWriter, StringWriter

sw = StringWriter()
pw = PrintWriter(sw)
pw.print("a")
pw.print(1)
pw.println(2.5)
pw.println(None)
pw.printf("%03d%n", 7)
pw.flush()
print(sw.toString())
sw.write("tail")
print(sw)
w = StringWriter()
w.append("x").append(None)
print(w)
