// Several tests start the whole app, and Hangfire keeps some configuration in statics: one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
