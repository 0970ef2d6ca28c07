# System.out.println prints Java's text for each value
from java.lang import System
from java.util import ArrayList

System.out.println("text")
System.out.println(42)
System.out.println(2.5)
System.out.println(1e10)
System.out.println(None)
System.out.println(ArrayList([None, True, 1.0]))
System.out.print("no newline|")
System.out.println()
System.out.printf("%d-%s%n", 7, "x")
print(System.lineSeparator() == "\n")
print(System.getProperty("no.such.property"))
print(System.getProperty("no.such.property", "fallback"))
print(System.getProperty("line.separator") == "\n")
print(System.currentTimeMillis() > 1600000000000)
t0 = System.nanoTime()
print(System.nanoTime() >= t0)
