# URLEncoder / URLDecoder: Java's form encoding
from java.net import URLDecoder, URLEncoder

print(URLEncoder.encode("a b&c=d/e?f", "UTF-8"))
print(URLEncoder.encode("~tilde*star_under.dot-dash", "UTF-8"))
print(URLEncoder.encode(u"caf\u00e9", "UTF-8"))
print(URLDecoder.decode("a+b%26c%3Dd", "UTF-8"))
print(URLDecoder.decode("caf%C3%A9", "UTF-8") == u"caf\u00e9")
