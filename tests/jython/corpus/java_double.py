# Double: parsing and Java's toString
from java.lang import Double, Float, NumberFormatException

print(Double.toString(1.0e10))
print(Double.toString(1234567.0))
print(Double.toString(12345678.0))
print(Double.toString(0.001))
print(Double.toString(0.0001))
print(Double.toString(100.0))
print(Double.toString(-2.5))
print(Double.toString(0.1 + 0.2))
print(Double.toString(1e-10))
print(Double.toString(123456789012.0))
print(Double.parseDouble("1.5") == 1.5)
print(Double.parseDouble(" 2.5 ") == 2.5)
print(Double.parseDouble("1e3") == 1000.0)
print(Double.isNaN(Double.NaN))
print(Double.isInfinite(Double.POSITIVE_INFINITY))
print(Double.toString(Double.MAX_VALUE))
print(Double.toString(Double.MIN_VALUE))
print(Double.toString(Double.NEGATIVE_INFINITY))
print(Float.toString(0.1))
for text in ["abc", ""]:
    try:
        Double.parseDouble(text)
    except NumberFormatException as e:
        print(e.getMessage())
