# Font and Cursor
from java.awt import Cursor, Font

f = Font("Dialog", Font.BOLD, 12)
print(f)
print(f.getName())
print(f.getSize())
print(f.isBold())
print(f.isItalic())
print(f.getStyle())
print(f.deriveFont(Font.ITALIC))
print(Font("Monospaced", Font.PLAIN, 14))
print(Font("Dialog", Font.BOLD | Font.ITALIC, 9))
print(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR))
print(Cursor.HAND_CURSOR)
print(Cursor.getPredefinedCursor(Cursor.WAIT_CURSOR).getName())
print(Cursor.getDefaultCursor())
print(Cursor.getPredefinedCursor(Cursor.TEXT_CURSOR).getType())
