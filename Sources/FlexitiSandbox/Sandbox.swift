import Hummingbird
public enum Sandbox {}
