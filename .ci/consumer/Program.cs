using ServiceQuality.Workflow;

var builder = new StateMachineBuilder<string, string, object?>("consumer", "1", "open");
builder.Configure("open").Permit("close", "closed");
builder.Configure("closed").Final();
var definition = builder.Build();
var state = definition.Fire("open", "close", null);
Console.WriteLine($"consumer: {state}");
return state == "closed" ? 0 : 1;
