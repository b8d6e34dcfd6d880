import FlexitiSandbox
print("x")
