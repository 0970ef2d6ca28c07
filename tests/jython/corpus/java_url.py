# java.net.URL: the parts of an address
from java.net import URL, MalformedURLException

u = URL("http://example.com:8088/main/web?x=1&y=2#top")
print(u)
print(u.getProtocol())
print(u.getHost())
print(u.getPort())
print(u.getPath())
print(u.getQuery())
print(u.getFile())
print(u.getRef())
print(u.getDefaultPort())
print(URL("https://example.com/").getPort())
print(URL("https://example.com/").getQuery())
try:
    URL("no-protocol")
except MalformedURLException as e:
    print(e)
